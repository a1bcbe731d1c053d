// Conformance scenarios of scenarios/conformance/agents (one test per scenario file).
import { defineConformanceSuite } from './define-suite';

defineConformanceSuite('agents');
