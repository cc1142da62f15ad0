import 'ir-monitor/components/telemetry.js';
import 'ir-monitor/components/dose-gauge.js';
import 'ir-monitor/components/activity-gauge.js';
import 'ir-monitor/components/alarm-banner.js';
import 'ir-monitor/components/alarm-log.js';
import { doseChannels, y90Channels } from 'ir-monitor/models';
import { DOSE_SCENARIOS, playScript } from 'ir-monitor/sim';
import { lang, pageSettings, params, restartOn, speedOr, theme } from './page-settings.js';

// `?scenario=embolisation|y90&speed=60&lang=fr&theme=light&at=MS` (start that far into the procedure).
const speed = speedOr(30);
const name = (Object.keys(DOSE_SCENARIOS) as (keyof typeof DOSE_SCENARIOS)[]).find((k) => k === params.get('scenario')) ?? 'embolisation';
const at = Math.max(0, Number(params.get('at')) || 0);

const WORDS = {
  en: { subtitle: 'radiation dose and radioembolisation, simulated data', scenario: 'Scenario', embolisation: 'Long embolisation (75 min)', y90: 'Y-90 resin, stasis part-way', log: 'Alarm log' },
  fr: { subtitle: 'dose de rayonnement et radioembolisation, données simulées', scenario: 'Scénario', embolisation: 'Embolisation longue (75 min)', y90: 'Y-90 résine, stase en cours', log: 'Journal des alarmes' },
}[lang];

const script = DOSE_SCENARIOS[name](Date.now() - at);
const room = document.querySelector('ir-telemetry')!;
room.channels = name === 'y90' ? y90Channels(undefined, undefined, lang) : doseChannels(undefined, undefined, lang);
const gauge = name === 'y90' ? Object.assign(document.createElement('ir-activity-gauge'), { plan: script.plan }) : document.createElement('ir-dose-gauge');
document.querySelector('#gauge')!.append(gauge);
pageSettings(document.querySelector('#settings')!, speed, [1, 10, 30, 60], WORDS);
gauge.setAttribute('theme', theme);
room.source = playScript(script, { speed, fromMs: at });

document.querySelector<HTMLSelectElement>('#scenario')!.value = name;
restartOn(['scenario']);
