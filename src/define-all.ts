/** Registers all four elements (each one left alone if its tag is already defined). */
import './north-star-card.js';
