// An "older copy" of north-star-card, defined before ours (RELIABILITY C3).
customElements.define(
  'north-star-card',
  class OldNorthStarCard extends HTMLElement {
    static version = '0.9.0';
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { textContent: 'old card 0.9.0' }));
    }
  },
);
