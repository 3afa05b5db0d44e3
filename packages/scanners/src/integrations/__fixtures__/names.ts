import type { Finding, Recognizer } from '../../types.js';

/** Names the default pattern recognizers cannot know; one has quotes to exercise JSON escaping. */
export const NAMES = ['John Smith', 'Anna "Nan" Lee'];

export const nameRecognizer: Recognizer = {
  name: 'test_names',
  types: ['PERSON'],
  analyze(text: string): Finding[] {
    const found: Finding[] = [];
    for (const name of NAMES) {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
        found.push({ type: 'PERSON', start: i, end: i + name.length, text: name, score: 1, recognizer: 'test_names' });
      }
    }
    return found;
  },
};
