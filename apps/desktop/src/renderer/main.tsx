import { beginBoot } from './app/boot-requests.js';
import './styles.css';

// The host round trips start first; the app's code loads while they are answered.
beginBoot();
void import('./app/mount.js');
