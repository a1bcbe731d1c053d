// The console in Debian's Chromium, one browser and one simulator for every page's tests.
import { adminPageTests } from './admin-page';
import { agentPageTests } from './agent-page';
import { aliasPageTests } from './alias-page';
import { inspectPageTests } from './inspect-page';
import { setUpConsoleSuite } from './launcher';
import { operateTests } from './operate-page';
import { phonesPageTests } from './phones-page';
import { accountSettingsTests } from './settings-page';
import { telesignPageTests } from './telesign-page';

const suite = setUpConsoleSuite();
phonesPageTests(suite);
agentPageTests(suite);
adminPageTests(suite);
telesignPageTests(suite);
accountSettingsTests(suite);
inspectPageTests(suite);
aliasPageTests(suite);
// Last: its reset empties the manual-clock simulator's traffic.
operateTests(suite);
