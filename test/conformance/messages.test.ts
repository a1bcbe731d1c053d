// Conformance scenarios of scenarios/conformance/messages (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('messages');
