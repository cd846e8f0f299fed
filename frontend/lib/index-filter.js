// The pure parts of the indexes' filters (frontend/widgets/index.js): the URL query that
// holds a filtered view, which rows it shows, the count, and the quiz a filtered view
// hands on to ("Practise these"), which the quiz page reads back into its form.

// The filters an index can have, in the order of its form; each is one value or "".
export const FILTERS = ["track", "level", "role", "type", "status", "scope"];
// The quiz form's field for each filter it can draw by (macros/render/quiz.py); "scope" is
// its core/all radio group, the others its checkboxes.
const QUIZ_FIELDS = { track: "tracks", level: "levels", role: "roles", scope: "scope" };

// The filters a query string asks for, keeping only the values an index offers
// (`allowed`: filter -> Set of values); a link someone edited cannot select nothing.
export function readQuery(search, allowed) {
  const query = new URLSearchParams(search);
  const state = {};
  for (const name of Object.keys(allowed)) {
    const value = query.get(name) ?? "";
    state[name] = allowed[name].has(value) ? value : "";
  }
  return state;
}

// `search` with the filters of `state` set (empty ones dropped), other parameters kept.
export function writeQuery(search, state) {
  const query = new URLSearchParams(search);
  for (const [name, value] of Object.entries(state)) {
    if (value) query.set(name, value);
    else query.delete(name);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

// Whether a row (its data attributes: levels and roles space-separated) passes every filter.
export function matches(row, state) {
  const has = (list, value) => (list ?? "").split(" ").includes(value);
  return Object.entries(state).every(([name, value]) => {
    if (!value) return true;
    if (name === "level") return has(row.levels, value);
    if (name === "role") return has(row.roles, value);
    return row[name] === value;
  });
}

export function countText(shown, total) {
  return shown === total ? `All ${total} shown` : `${shown} of ${total} shown`;
}

// The quiz page's address for a filtered view: the filters the quiz draws by, as the
// quiz form's fields. Returns the href and the filters that could not be carried.
export function quizLink(base, state) {
  const url = new URL(base);
  const dropped = [];
  for (const [name, value] of Object.entries(state)) {
    if (!value) continue;
    if (QUIZ_FIELDS[name]) url.searchParams.set(QUIZ_FIELDS[name], value);
    else dropped.push(name);
  }
  return { href: url.href, dropped };
}

// The quiz form's choices a query asks for, as { field: [values] }, only those the form
// offers (`offered`: field -> Set); null when the query asks for none.
export function quizPreset(search, offered) {
  const query = new URLSearchParams(search);
  const preset = {};
  let any = false;
  for (const field of Object.values(QUIZ_FIELDS)) {
    const values = (query.get(field) ?? "").split(",").filter((v) => offered[field]?.has(v));
    preset[field] = values;
    if (field !== "scope") any ||= values.length > 0; // core/all alone starts no quiz
  }
  return any ? preset : null;
}

// Ticks the quiz form's checkboxes a query asks for (an index's "Practise these", today's
// session) and takes its count when the form offers it; true when it asked for any
// checkbox, so the quiz can start on them at once.
export function presetQuizForm(form, search) {
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const offered = {};
  for (const box of boxes) {
    offered[box.name] ??= new Set();
    offered[box.name].add(box.value);
  }
  for (const radio of form.querySelectorAll("input[type=radio][name=scope]")) {
    offered.scope ??= new Set();
    offered.scope.add(radio.value);
  }
  const scope = new URLSearchParams(search).get("scope");
  if (offered.scope?.has(scope)) form.querySelector(`input[type=radio][name=scope][value="${scope}"]`).checked = true;
  const preset = quizPreset(search, offered);
  if (!preset) return false;
  for (const box of boxes) box.checked = preset[box.name]?.includes(box.value) ?? false;
  const count = form.elements.count;
  const asked = new URLSearchParams(search).get("count");
  if (count && [...(count.options ?? [])].some((o) => o.value === asked)) count.value = asked;
  return true;
}
