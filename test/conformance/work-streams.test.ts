// Conformance scenarios of scenarios/conformance/work-streams (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('work-streams');
