// The service worker, built to /sw.js (vite.config.ts) so that its scope is the whole app.
// It only shows watch notifications (Web Push) and opens the app on a click; it caches nothing.
import { installServiceWorker, type ServiceWorkerScopeLike } from './sw/notifications';

installServiceWorker(globalThis as unknown as ServiceWorkerScopeLike);
