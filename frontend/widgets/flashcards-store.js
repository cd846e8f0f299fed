// The static cards the build wrote (hidden, kept out of search): a card's prompt and answer
// are moved (not copied) into the widget, and put back before another card is shown, so
// the build's HTML is never re-parsed or duplicated.
//
// The flashcards page holds only the deck's first chunk; for each other chunk its store
// has a `.fc-chunk` element with the ids it holds and the URL of the page that holds them
// (macros/render/deck_chunks.py). `load` fetches that page from the site (the service
// worker keeps it for offline use like any page), parses it and adopts its cards, so the
// page does not grow with the bank. Its HTML is the build's own, sanitised like the page's.

import { el } from "../lib/dom.js";

export class CardStore {
  constructor(store) {
    this.store = store;
    this.borrowed = null; // { card, prompt, answer } while one is shown
    this.chunks = new Map(); // card id -> the .fc-chunk element that says where it is
    for (const chunk of store?.querySelectorAll(".fc-chunk[data-fc-src]") ?? []) {
      for (const id of chunk.dataset.fcIds.split(" ").filter(Boolean)) this.chunks.set(id, chunk);
    }
    this.loading = new Map(); // .fc-chunk element -> its fetch, while it runs or once done
  }

  card(id) {
    return this.store?.querySelector(`.fc-card[data-fc-id="${CSS.escape(id)}"]`) ?? null;
  }

  // The card is on the page now (borrow works without waiting).
  has(id) {
    return this.card(id) !== null;
  }

  // Fetch the chunk that holds `id`, once; resolves when its cards are in the store. A
  // failed fetch is forgotten, so a retry asks again.
  load(id) {
    if (this.has(id)) return Promise.resolve();
    const chunk = this.chunks.get(id);
    if (!chunk) return Promise.reject(new Error(`the card "${id}" is missing from this page; reload the page`));
    let pending = this.loading.get(chunk);
    if (!pending) {
      pending = this.fetchChunk(chunk);
      this.loading.set(chunk, pending);
      pending.catch(() => this.loading.delete(chunk));
    }
    return pending;
  }

  // Load the chunks of the cards coming next, so they are there when the reader is; a
  // failure here is not shown (the card's own load reports it, with a retry).
  prefetch(ids) {
    for (const id of ids) this.load(id).catch(() => {});
  }

  async fetchChunk(chunk) {
    const url = new URL(chunk.dataset.fcSrc, document.baseURI);
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch {
      throw new Error("this card could not be loaded: the site cannot be reached (are you offline?)");
    }
    if (!response.ok) throw new Error(`this card could not be loaded (the server said ${response.status})`);
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const cards = doc.querySelectorAll(".fc-store .fc-card[data-fc-id]");
    const ids = chunk.dataset.fcIds.split(" ").filter(Boolean);
    const found = new Set([...cards].map((c) => c.dataset.fcId));
    if (!ids.every((id) => found.has(id))) {
      throw new Error("this card is missing from the page that should hold it; reload the page");
    }
    for (const card of cards) {
      if (!this.has(card.dataset.fcId)) this.store.append(document.adoptNode(card));
    }
  }

  borrow(id) {
    this.giveBack();
    const card = this.card(id);
    if (!card) throw new Error(`the card "${id}" is missing from this page; reload the page`);
    const prompt = card.querySelector(".fc-card__prompt");
    const answer = card.querySelector(".fc-card__answer");
    this.borrowed = { card, prompt, answer };
    return this.borrowed;
  }

  giveBack() {
    if (!this.borrowed) return;
    const { card, prompt, answer } = this.borrowed;
    card.append(prompt, answer);
    this.borrowed = null;
  }
}

// Show a card whose chunk is not on the page yet (`host`: the Flashcards widget): a short
// loading state, then the card; a failed fetch says why, with a Retry. A newer card shown
// meanwhile wins.
export async function showWhenLoaded(host, id, { focus }) {
  host.cards.giveBack();
  host.mode = "loading";
  const token = {};
  host.loadingCard = token;
  const text = el("p", { class: "mlw-fc__loading-card", tabindex: -1, text: "Loading the card…" });
  host.body.replaceChildren(text);
  if (focus) text.focus();
  host.say("Loading the card…");
  try {
    await host.cards.load(id);
  } catch (error) {
    if (host.loadingCard === token) host.fail(error, () => host.showCard(id));
    return;
  }
  if (host.loadingCard === token && host.mode === "loading") host.showCard(id, { focus });
}
