// Once per project: the elements' types in Vue templates.
import type {} from 'ir-monitor/vue';
