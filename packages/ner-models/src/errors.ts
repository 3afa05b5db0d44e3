/**
 * Typed errors of the model runtime. @veil/ner-models cannot depend on @veil/scanners (the dependency runs the
 * other way), so these carry their own `code`; the scanners wrap them in their RecognizerError.
 * Messages name the model and where it was looked for, never the text being scanned.
 */
export class NerModelError extends Error {
  readonly code: string;
  readonly modelId: string;
  constructor(code: string, modelId: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.modelId = modelId;
  }
}

/** No directory holding the model's files was found and downloading was not allowed (or failed). */
export class ModelNotFoundError extends NerModelError {
  readonly searched: readonly string[];
  constructor(modelId: string, searched: readonly string[], hint: string, options?: { cause?: unknown }) {
    const where = searched.length > 0 ? ` Looked in: ${searched.join(', ')}.` : '';
    super('VEIL_MODEL_NOT_FOUND', modelId, `NER model "${modelId}" was not found.${where} ${hint}`, options);
    this.searched = searched;
  }
}

/** The model's files were found but could not be loaded (corrupt ONNX, unreadable tokenizer, bad config). */
export class ModelLoadError extends NerModelError {
  constructor(modelId: string, message: string, options?: { cause?: unknown }) {
    super('VEIL_MODEL_LOAD_FAILED', modelId, `NER model "${modelId}" could not be loaded: ${message}`, options);
  }
}

/** Running the loaded model failed. */
export class NerInferenceError extends NerModelError {
  constructor(modelId: string, message: string, options?: { cause?: unknown }) {
    super('VEIL_NER_INFERENCE_FAILED', modelId, `NER model "${modelId}" failed while running: ${message}`, options);
  }
}
