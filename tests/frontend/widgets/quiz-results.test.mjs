// What "Add the misses to flashcards" says it did (frontend/widgets/quiz-results.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { addedText } from "../../../frontend/widgets/quiz-results.js";

const out = (added, moved, kept, skipped) => ({ added, moved, kept, skipped });

test("the cards made due are counted together, the rest said apart", () => {
  assert.equal(addedText(out(["a"], [], [], [])), "1 question now due in your flashcards.");
  assert.equal(addedText(out(["a"], ["b"], ["c"], ["d"])),
    "2 questions now due in your flashcards. 1 already due or kept on their checkpoint days. 1 without a flashcard.");
  assert.equal(addedText(out([], [], ["c"], [])), "Nothing new to add. 1 already due or kept on their checkpoint days.");
});
