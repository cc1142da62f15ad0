// Separate files through the page's import map: the bare specifier as in the README.
import 'ir-monitor';
import { feed } from './feed.js';

feed();
