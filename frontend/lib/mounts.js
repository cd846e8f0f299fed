// Mount the widgets of a page and unmount those that left it, each on its own: a widget
// that throws while mounting or unmounting is reported, and every other one still runs.
// `table` is a list of [selector, mount(root, deps) -> unmount?]; `report` gets errors.
export function mounter(table, deps, report) {
  const mounted = new Map(); // shell element -> what unmounts it (or null)

  function unmountGone() {
    for (const [root, unmount] of mounted) {
      if (root.isConnected) continue;
      mounted.delete(root);
      try {
        unmount?.();
      } catch (error) {
        report(error);
      }
    }
  }

  // Idempotent: an element already mounted is left alone, so calling it again for the
  // same page (or a page that kept some elements) mounts only what is new.
  function mountAll(doc) {
    for (const [selector, mount] of table) {
      for (const root of doc.querySelectorAll(selector)) {
        if (mounted.has(root)) continue;
        mounted.set(root, null);
        root.dataset.bound = "1"; // a test or a style may wait for it
        try {
          mounted.set(root, mount(root, deps) ?? null);
        } catch (error) {
          report(error);
        }
      }
    }
  }

  return {
    page(doc) {
      unmountGone();
      mountAll(doc);
    },
    get size() {
      return mounted.size;
    },
  };
}
