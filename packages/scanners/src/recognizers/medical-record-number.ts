/**
 * MEDICAL_RECORD_NUMBER: a hospital's medical record number right after its cue ("MRN: 00482913",
 * "Medical record no. H-2291-0043", "MR# 7731902", "chart number 55-1029"). Every hospital numbers its own
 * records, so there is no shape or checksum: only the cue says what the value is, and the pattern includes it.
 * The value is 4-20 letters, digits and dashes with at least four digits; the cue itself is not redacted.
 */
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const CUE = String.raw`(?:mrn|mr ?#|mr no\.?|med(?:ical)? rec(?:ord)?s?(?: number| no\.?| #)?|chart (?:number|no\.?|#)|hospital (?:number|no\.?)|patient (?:id|number|no\.?))`;
const SEPARATOR = String.raw`(?: ?[:#=.]| is)? {0,3}#?`;
const MRN = new RegExp(String.raw`(?<![\p{L}\p{N}])${CUE}${SEPARATOR}[A-Z0-9][A-Z0-9\-]{2,18}[A-Z0-9](?![\p{L}\p{N}\-])`, 'iu');
const CUE_PREFIX = new RegExp(String.raw`^${CUE}${SEPARATOR}`, 'iu');

function validateMrn(candidate: Candidate): Validation {
  const cue = CUE_PREFIX.exec(candidate.text)?.[0].length ?? 0;
  const value = candidate.text.slice(cue);
  if (cue === 0 || !/^[A-Z0-9]/i.test(value)) return { ok: false, explanation: 'no record number after the cue' };
  if ((value.match(/\d/g) ?? []).length < 4) return { ok: false, explanation: 'no record number after the cue' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, explanation: 'a date, not a record number' };
  return { ok: true, explanation: 'value after an mrn cue', skip: cue };
}

export function medicalRecordNumberRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'medical_record_number',
    type: 'MEDICAL_RECORD_NUMBER',
    patterns: [{ name: 'mrn_after_cue', regex: MRN, score: 0.85 }],
    validate: validateMrn,
  });
}
