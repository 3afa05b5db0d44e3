"""Unit checks of the pipeline's label plumbing; run by `run.sh smoke` (python -m unittest discover tests)."""
import random
import unittest

from veil_ner.decode import decode
from veil_ner.encode import encode_row
from veil_ner.gmb import repair_title_artefacts, strip_title
from veil_ner.labels import IGNORE, LABEL2ID, LABELS
from veil_ner.scoring import Scorer
from veil_ner.augment import replace_mentions
from veil_ner.synth import Generator, merge_adjacent
from veil_ner.tokenizer import train_wordpiece

TEXTS = ['Maria van der Berg met Okonkwo at Siemens in Rotterdam.', 'SKU-4471-B shipped on Monday to Jean-Luc Picard.'] * 50


class EncodeDecode(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tok = train_wordpiece(TEXTS, 300)

    def test_gold_labels_decode_back_to_the_same_spans(self):
        text = TEXTS[0]
        spans = [(0, 18, 'PERSON'), (23, 30, 'PERSON'), (34, 41, 'ORGANIZATION'), (45, 54, 'LOCATION')]
        ids, labels = encode_row(self.tok, text, spans, 128)
        enc = self.tok.encode(text)
        self.assertEqual(ids, enc.ids)
        self.assertEqual(labels[0], IGNORE)
        self.assertEqual(labels[-1], IGNORE)
        pred = [LABEL2ID['O'] if y == IGNORE else y for y in labels]
        self.assertEqual(decode(enc.tokens, enc.offsets, enc.special_tokens_mask, pred), spans)

    def test_truncation_keeps_sep_and_ignores_it(self):
        ids, labels = encode_row(self.tok, ' '.join(TEXTS[:10]), [], 16)
        self.assertEqual(len(ids), 16)
        self.assertEqual(ids[-1], self.tok.token_to_id('[SEP]'))
        self.assertEqual(labels[-1], IGNORE)

    def test_word_pieces_follow_their_word(self):
        enc = self.tok.encode('Rotterdamxyz')
        pred = [0] + [LABEL2ID['B-LOCATION']] + [0] * (len(enc.ids) - 2)
        spans = decode(enc.tokens, enc.offsets, enc.special_tokens_mask, pred)
        self.assertEqual(spans, [(0, 12, 'LOCATION')])
        # and a piece labelled on its own never becomes a fragment entity
        pred = [0, 0] + [LABEL2ID['B-PERSON']] * (len(enc.ids) - 3) + [0]
        self.assertEqual(decode(enc.tokens, enc.offsets, enc.special_tokens_mask, pred), [])


class Scoring(unittest.TestCase):
    def test_overlap_of_half_the_shorter_span_matches_once(self):
        s = Scorer(['PERSON', 'LOCATION'])
        s.add([(0, 3, 'PERSON'), (4, 13, 'PERSON'), (20, 25, 'LOCATION')], [(0, 13, 'PERSON'), (20, 30, 'PERSON')])
        r = s.report()
        self.assertEqual((r['PERSON']['tp'], r['PERSON']['fp'], r['PERSON']['fn']), (1, 1, 1))
        self.assertEqual(r['LOCATION']['fp'], 1)

    def test_locations_on_ignored_regions_are_not_scored(self):
        s = Scorer(['LOCATION', 'PERSON'])
        s.add([(0, 5, 'LOCATION'), (0, 5, 'PERSON')], [], ignore=[(0, 6)])
        r = s.report()
        self.assertEqual(r['LOCATION']['fp'], 0)
        self.assertEqual(r['PERSON']['fp'], 1)


class Data(unittest.TestCase):
    def test_titles_are_cut_from_gmb_person_spans(self):
        text = 'said Prime Minister Gordon Brown today'
        end = text.index(' today')
        self.assertEqual(text[strip_title(text, 5, end):end], 'Gordon Brown')
        self.assertEqual(strip_title('Mr.', 0, 3), 0)

    def test_synthetic_spans_point_at_entity_text(self):
        gen = Generator(seed=5, per_locale=5)
        for _ in range(300):
            text, spans = gen.document()
            for start, end, label in spans:
                self.assertIn(label, {'PERSON', 'ORGANIZATION', 'LOCATION'})
                value = text[start:end]
                self.assertTrue(value and value == value.strip() and '\n' not in value, repr(value))
        self.assertEqual(len(LABELS), 7)



class GluedNames(unittest.TestCase):
    def test_hyphenated_and_dotted_names_stay_whole_and_punctuation_never_starts_an_entity(self):
        tokens = ['[CLS]', 'Mary', '-', 'Jane', 'of', 'Acme', 'Inc', '.', ',', '-', '[SEP]']
        offsets = [(0, 0), (0, 4), (4, 5), (5, 9), (10, 12), (13, 17), (18, 21), (21, 22), (22, 23), (24, 25), (0, 0)]
        special = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        L = LABEL2ID
        pred = [0, L['B-PERSON'], L['B-PERSON'], L['B-PERSON'], 0, L['B-ORGANIZATION'], L['I-ORGANIZATION'],
                L['B-ORGANIZATION'], L['B-ORGANIZATION'], L['B-PERSON'], 0]
        self.assertEqual(decode(tokens, offsets, special, pred), [(0, 9, 'PERSON'), (13, 22, 'ORGANIZATION')])


class Augmentation(unittest.TestCase):
    def test_first_and_last_name_slots_make_one_name(self):
        self.assertEqual(merge_adjacent([(6, 11, 'PERSON'), (0, 5, 'PERSON'), (14, 20, 'PERSON'), (21, 25, 'LOCATION')]),
                         [(0, 11, 'PERSON'), (14, 20, 'PERSON'), (21, 25, 'LOCATION')])

    def test_swapped_mentions_keep_context_and_point_at_the_new_names(self):
        gen = Generator(seed=3, per_locale=5)
        text = 'Prime Minister Gordon Brown met HAMAS leaders in Gaza on Monday .'
        row = {'id': 'g1', 'text': text, 'spans': [
            {'start': 15, 'end': 27, 'label': 'PERSON'}, {'start': 32, 'end': 37, 'label': 'ORGANIZATION'},
            {'start': 49, 'end': 53, 'label': 'LOCATION'}]}
        for _ in range(50):
            out = replace_mentions(row, gen, random.Random(7))
            self.assertTrue(out['text'].startswith('Prime Minister ') and out['text'].endswith(' on Monday .'))
            values = [out['text'][s['start']:s['end']] for s in out['spans']]
            self.assertEqual([s['label'] for s in out['spans']], ['PERSON', 'ORGANIZATION', 'LOCATION'])
            self.assertNotEqual(values[0], 'Gordon Brown')
            self.assertTrue(all(v and v == v.strip() for v in values), values)
            self.assertTrue(values[1].isupper())  # an ALL-CAPS mention stays ALL-CAPS
        self.assertIsNone(replace_mentions({'id': 'g2', 'text': 'Rain again .', 'spans': []}, gen, random.Random(1)))


if __name__ == '__main__':
    unittest.main()


class GmbTitleArtefacts(unittest.TestCase):
    @staticmethod
    def spans(text, spans):
        return [(text[s['start']:s['end']], s['label']) for s in repair_title_artefacts(text, spans)]

    def test_a_name_tagged_as_a_place_after_an_honorific_becomes_the_person(self):
        text = "But Mr. Maliki's coalition leads."
        got = self.spans(text, [{'start': 4, 'end': 7, 'label': 'PERSON'}, {'start': 8, 'end': 14, 'label': 'LOCATION'}])
        self.assertEqual(got, [('Maliki', 'PERSON')])

    def test_an_untagged_surname_after_an_honorific_is_tagged(self):
        self.assertEqual(self.spans("Mr. Ban's aides said so.", [{'start': 0, 'end': 3, 'label': 'PERSON'}]), [('Ban', 'PERSON')])

    def test_a_lone_title_is_dropped_and_the_name_after_it_kept(self):
        text = 'He met Prime Minister Phan Van Khai today.'
        got = self.spans(text, [{'start': 7, 'end': 12, 'label': 'PERSON'}, {'start': 22, 'end': 35, 'label': 'PERSON'}])
        self.assertEqual(got, [('Phan Van Khai', 'PERSON')])

    def test_whole_names_and_other_spans_are_untouched(self):
        text = 'President Pervez Musharraf left Islamabad.'
        spans = [{'start': 0, 'end': 26, 'label': 'PERSON'}, {'start': 32, 'end': 41, 'label': 'LOCATION'}]
        self.assertEqual(self.spans(text, spans), [('President Pervez Musharraf', 'PERSON'), ('Islamabad', 'LOCATION')])

    def test_a_lower_case_word_after_a_title_is_not_made_a_name(self):
        text = 'Mr. and Mrs. Smith came.'
        self.assertEqual(self.spans(text, [{'start': 0, 'end': 3, 'label': 'PERSON'}]), [])


class Members(unittest.TestCase):
    def test_the_graph_averages_the_members_log_probabilities(self):
        import torch
        from veil_ner.ensemble import Ensemble
        from veil_ner.model import BertConfig, BertForTokenClassification
        cfg = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
        torch.manual_seed(1)
        a, b = BertForTokenClassification(cfg).eval(), BertForTokenClassification(cfg).eval()
        ids = torch.tensor([[2, 7, 9, 3]])
        mask, types = torch.ones_like(ids), torch.zeros_like(ids)
        with torch.no_grad():
            both = Ensemble([a, b]).eval()(ids, mask, types)
            expected = (torch.log_softmax(a(ids, mask, types), -1) + torch.log_softmax(b(ids, mask, types), -1)) / 2
            one = Ensemble([a]).eval()(ids, mask, types)
        self.assertTrue(torch.allclose(both, expected, atol=1e-6))
        self.assertTrue(torch.allclose(one.argmax(-1), a(ids, mask, types).argmax(-1)))
        with self.assertRaises(ValueError):
            Ensemble([])
