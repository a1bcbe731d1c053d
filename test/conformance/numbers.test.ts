// Conformance scenarios of scenarios/conformance/numbers (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('numbers');
