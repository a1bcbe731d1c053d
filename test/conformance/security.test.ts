// Conformance scenarios of scenarios/conformance/security (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('security');
