// The static cards the build wrote into the flashcards page (hidden, kept out of search):
// a card's prompt and answer are moved (not copied) into the widget, and put back before
// another card is shown, so the build's HTML is never re-parsed or duplicated.

export class CardStore {
  constructor(store) {
    this.store = store;
    this.borrowed = null; // { card, prompt, answer } while one is shown
  }

  borrow(id) {
    this.giveBack();
    const card = this.store?.querySelector(`.fc-card[data-fc-id="${CSS.escape(id)}"]`);
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
