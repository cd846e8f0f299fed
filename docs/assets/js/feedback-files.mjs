// Answer feedback, loaded when a question's first typed answer needs it.
//
// The build writes each question's feedback block (key points, trap claims and their
// matchers) and the bank's feedback lexicon apart from the bank (macros/publish/export.py):
// they were about 70% of bank.json, which the worker loads before the quiz is ready, and
// only a typed answer reads them. Before the engine's `feedback` op, the worker fetches
// the lexicon and that question's file once each and hands them to `load_feedback`
// (practice_engine/feedback_files.py). A question without a file (no key points) gets the
// engine's usual "not available" answer. A failed fetch (offline before the first
// practice visit kept the files) fails that one request and is tried again next time.

const QUESTION_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * @param {{ files: () => ({ dir: string, lexicon: string } | null), fetch: typeof fetch,
 *   abs: (rel: string) => string, load: (text: string) => void }} deps
 *   `files`: the manifest's feedback paths; `fetch`: taken before the box locks the worker
 *   down; `load`: hands a file's text to the engine, throwing on its error.
 */
export function feedbackLoader({ files, fetch, abs, load }) {
  const loaded = new Map(); // path -> promise of its loading

  function once(path, optional) {
    let done = loaded.get(path);
    if (!done) {
      done = (async () => {
        const response = await fetch(abs(path));
        if (optional && response.status === 404) return;
        if (!response.ok) throw new Error(`answer feedback: HTTP ${response.status}`);
        load(await response.text());
      })();
      done.catch(() => loaded.delete(path));
      loaded.set(path, done);
    }
    return done;
  }

  // What the `feedback` op for `questionId` needs, loaded; nothing for an id the engine
  // will refuse anyway.
  return async function ensure(questionId) {
    const paths = files();
    if (!paths || typeof questionId !== "string" || !QUESTION_ID.test(questionId)) return;
    await Promise.all([once(paths.lexicon, false), once(`${paths.dir}${questionId}.json`, true)]);
  };
}
