import 'bootstrap/dist/css/bootstrap.min.css';
import './styles.css';
import { render } from 'preact';
import { apiBaseUrl, createApiClient } from './api/client';
import { App } from './app';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');
render(<App api={createApiClient({ baseUrl: apiBaseUrl() })} />, root);
