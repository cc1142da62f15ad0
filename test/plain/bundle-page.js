// The one-file bundle: no import map, no bundler.
import '../../dist/ir-monitor.bundle.js';
import { feed } from './feed.js';

feed();
