"""Veil NER training pipeline: synthetic + GMB data, cased WordPiece, small BERT, ONNX export."""
