// Conformance scenarios of scenarios/conformance/routing (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('routing');
