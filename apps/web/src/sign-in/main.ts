import { pageLoads } from '../lib/sign-in-target';
import { startSignIn } from './sign-in';

startSignIn(document, { fetch: window.fetch.bind(window), go: (address) => pageLoads.go(address), storage: window.sessionStorage, search: window.location.search });
