// The one way a widget speaks to screen readers: its polite live region (`status`, an
// element the build wrote with role="status"). A live region announces a fresh text node
// once; clearing it first and writing a moment later makes a repeated message count as
// new. `delay` is for tests.
export function announcer(status, delay = 50) {
  let timer = null;
  return (text) => {
    if (!status) return;
    clearTimeout(timer);
    status.textContent = "";
    timer = setTimeout(() => {
      status.textContent = text;
    }, delay);
  };
}
