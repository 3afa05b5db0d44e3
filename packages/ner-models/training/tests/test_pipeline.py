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
        ids, labels, types = encode_row(self.tok, text, spans, 128)
        self.assertEqual(types, [0] * len(ids))  # no case classes unless asked
        enc = self.tok.encode(text)
        self.assertEqual(ids, enc.ids)
        self.assertEqual(labels[0], IGNORE)
        self.assertEqual(labels[-1], IGNORE)
        pred = [LABEL2ID['O'] if y == IGNORE else y for y in labels]
        self.assertEqual(decode(enc.tokens, enc.offsets, enc.special_tokens_mask, pred), spans)

    def test_truncation_keeps_sep_and_ignores_it(self):
        ids, labels, types = encode_row(self.tok, ' '.join(TEXTS[:10]), [], 16, case=True)
        self.assertEqual(len(types), 16)
        self.assertEqual((types[0], types[-1]), (0, 0))
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

    def test_handles_lists_and_address_lines_stay_separate_entities(self):
        gen = Generator(seed=5, per_locale=5)
        text, spans = gen.fill("{HANDLE} {HANDLE} hi\ncc: {CC_LIST}\n{POSTAL}")
        self.assertTrue(all(text[s:e] == text[s:e].strip() and '\n' not in text[s:e] for s, e, _ in spans))
        self.assertEqual([text[s] for s, _, _ in spans[:2]], ['@', '@'])
        self.assertGreaterEqual(sum(lab == 'PERSON' for _, _, lab in spans), 4)
        self.assertGreaterEqual(sum(lab == 'LOCATION' for _, _, lab in spans), 2)

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


class CaseClasses(unittest.TestCase):
    def test_each_token_gets_its_words_class(self):
        from veil_ner.casing import case_class, token_case_classes
        self.assertEqual([case_class(w) for w in ['maria', 'Maria', 'MARIA', 'McDonald', 'A', '2024', '3pm', 'Ⅷ']],
                         [2, 3, 4, 5, 3, 1, 2, 3])
        tok = train_wordpiece(TEXTS, 300)
        text = 'SKU-4471-B shipped to OKONKWO'
        enc = tok.encode(text)
        types = token_case_classes(text, enc)
        self.assertEqual((types[0], types[-1]), (0, 0))
        by_token = {t: c for t, c in zip(enc.tokens, types)}
        self.assertEqual((by_token['SKU'], by_token['-'], by_token['4471'], by_token['shipped']), (4, 1, 1, 2))


class Corpora(unittest.TestCase):
    def test_only_name_types_are_kept_and_gmb_dev_ignores_gpe(self):
        import gzip, json, tempfile
        from pathlib import Path
        from veil_ner.corpora import dev_rows, training_rows
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp)
            (data / 'wnut17').mkdir()
            row = {'id': 'w1', 'text': 'Ann uses Foo at Acme', 'spans': [
                {'start': 0, 'end': 3, 'label': 'PERSON', 'orig_label': 'person'},
                {'start': 9, 'end': 12, 'label': 'PRODUCT', 'orig_label': 'product'},
                {'start': 16, 'end': 20, 'label': 'ORGANIZATION', 'orig_label': 'group'}]}
            for split in ('train', 'dev'):
                with gzip.open(data / f'wnut17/wnut17.{split}.jsonl.gz', 'wt') as fh:
                    fh.write(json.dumps(row) + '\n')
            self.assertEqual([s['label'] for s in training_rows(data, 'wnut17')[0]['spans']], ['PERSON', 'ORGANIZATION'])
            self.assertEqual(dev_rows(data, 'wnut17')[0]['gold'], [(0, 3, 'PERSON'), (16, 20, 'ORGANIZATION')])


class BaseEncoder(unittest.TestCase):
    def test_pretrained_weights_load_into_our_module_with_a_widened_case_table(self):
        import torch
        from veil_ner.base_encoder import load_base
        from veil_ner.casing import CASE_CLASSES
        model = load_base('all-MiniLM-L6-v2', len(LABELS), layers=(0, 5))
        self.assertEqual(model.config.num_hidden_layers, 2)
        table = model.embeddings.token_type_embeddings.weight
        self.assertEqual(tuple(table.shape), (CASE_CLASSES, model.config.hidden_size))
        self.assertTrue(torch.equal(table[0], table[CASE_CLASSES - 1]))  # every class starts as pretrained row 0
        ids = torch.tensor([[101, 7592, 2088, 102]])
        out = model(ids, torch.ones_like(ids), torch.zeros_like(ids))
        self.assertEqual(tuple(out.shape), (1, 4, len(LABELS)))


class Resume(unittest.TestCase):
    def test_an_interrupted_run_resumes_to_the_same_weights(self):
        import copy
        import torch
        from veil_ner.model import BertConfig, BertForTokenClassification
        from veil_ner.train import train
        tok = train_wordpiece(TEXTS, 300)
        examples = [encode_row(tok, t, [], 32) for t in TEXTS[:40]]
        cfg = BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=32)
        log = lambda _msg: None
        saved = {}

        def checkpoint(m, step, state):
            if step == 400:
                saved['weights'] = {k: v.clone() for k, v in m.state_dict().items()}
                saved['state'] = copy.deepcopy(state)  # the pipeline serialises it at once; keep a snapshot
        full = train(examples, cfg, steps=420, max_tokens=64, lr=1e-3, seed=3, log=log, checkpoint=checkpoint)
        again = BertForTokenClassification(cfg)
        again.load_state_dict(saved['weights'])
        resumed = train(examples, cfg, steps=420, max_tokens=64, lr=1e-3, seed=3, log=log, init=again,
                        start_step=400, resume_state=saved['state'])
        for k, v in full.state_dict().items():
            self.assertTrue(torch.allclose(v, resumed.state_dict()[k], atol=1e-6), k)


class BtcMentions(unittest.TestCase):
    def test_a_lone_at_sign_joins_the_mention_after_it(self):
        from veil_ner.repaired_dev import join_mentions
        text = 'RT @ NikoWavy : hi @ Acme and Bob'
        spans = [{'start': 3, 'end': 4, 'label': 'PERSON'}, {'start': 5, 'end': 13, 'label': 'PERSON'},
                 {'start': 19, 'end': 20, 'label': 'ORGANIZATION'}, {'start': 21, 'end': 25, 'label': 'ORGANIZATION'},
                 {'start': 30, 'end': 33, 'label': 'PERSON'}]
        self.assertEqual([(s['start'], s['end'], s['label']) for s in join_mentions(text, spans)],
                         [(3, 13, 'PERSON'), (19, 25, 'ORGANIZATION'), (30, 33, 'PERSON')])
