import { defineElement } from './base/define.js';
import { NorthStarCard } from './north-star-card/north-star-card.js';

defineElement('north-star-card', NorthStarCard);

export { NorthStarCard };

declare global {
  interface HTMLElementTagNameMap {
    'north-star-card': NorthStarCard;
  }
}
