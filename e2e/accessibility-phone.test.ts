import { PHONE, describeAxePages } from './axe-pages.js';

// Every page on a 390 px phone (the desktop pass and the keyboard flow are accessibility.test.ts; both files run side by side).
describeAxePages([['phone', PHONE]]);
