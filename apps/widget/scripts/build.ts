import { buildWidget, DIST_DIR } from './build-widget.js';

await buildWidget();
process.stdout.write(`widget built into ${DIST_DIR}\n`);
