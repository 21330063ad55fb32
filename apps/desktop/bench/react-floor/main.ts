// The benchmark's floor for a first launch: React alone, rendering one element marked as a list row.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) createRoot(root).render(createElement('div', { 'data-testid': 'conversation-row' }, 'React alone'));
