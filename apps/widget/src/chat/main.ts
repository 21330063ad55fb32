import type { ChatModule } from '../shared/host.js';
import { ChatController } from './controller.js';

/** chat.js registers itself; the loader (widget.js) mounts it into its shadow root. */
const chat: ChatModule = { mount: (host) => new ChatController(host) };
window.SwitchboardChat = chat;
