// Which step of a question's level ladder is the reader's target, from their settings as
// stored: only once they have told the guide about their interview (the Today panel's
// form sets the level with the date or role), since every progress holds a default level
// the reader may never have chosen; and only a level the ladder on the page has.
export function targetLevel(settings, levels) {
  if (!settings || typeof settings !== "object") return null;
  if (!settings.interview_date && !settings.role) return null;
  return levels.includes(settings.level) ? settings.level : null;
}
