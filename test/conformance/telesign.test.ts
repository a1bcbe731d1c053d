// Conformance scenarios of scenarios/conformance/telesign (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('telesign');
