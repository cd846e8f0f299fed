// A countdown that reads the clock on every tick instead of counting ticks, so a tab in
// the background (or a test's fast-forwarded clock) still shows the true time left.
// `now` is the clock (Date.now by default; a test passes its own).
export class Countdown {
  constructor(seconds, { onTick, onEnd, root, now = Date.now }) {
    Object.assign(this, { seconds, onTick, onEnd, root, now, timer: null });
  }

  start() {
    this.startMs = this.now();
    this.timer = setInterval(() => this.tick(), 1000);
    this.tick();
    return this;
  }

  left() {
    return this.seconds - (this.now() - this.startMs) / 1000;
  }

  tick() {
    if (this.root && !this.root.isConnected) return this.stop(); // the page was left
    const left = this.left();
    this.onTick(left);
    if (left <= 0 && this.onEnd) {
      const onEnd = this.onEnd;
      this.onEnd = null; // once
      onEnd();
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}
