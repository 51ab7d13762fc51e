import { DESKTOP, describeAxePages, describeKeyboard } from './axe-pages.js';

// Every page at desktop size, and the keyboard-only flow; the same pages at 390 px are accessibility-phone.test.ts.
describeAxePages([['desktop', DESKTOP]]);
describeKeyboard();
