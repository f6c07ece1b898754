import { keepRouterStateInPage } from '$lib/page-memory';

// Before the router starts: it must never write to the browser's sessionStorage.
keepRouterStateInPage();
