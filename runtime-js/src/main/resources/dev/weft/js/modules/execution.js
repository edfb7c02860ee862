// The JS half of `k6/execution`: objects of live getters over ExecutionHost (Java).
(function (host) {
  'use strict';
  const tags = new Proxy({}, {
    get(target, key) { return typeof key === 'string' ? host.tag(key) : undefined; },
    set(target, key, value) {
      if (typeof value === 'object' && value !== null) throw new TypeError('a tag value must be a string, number or boolean');
      host.setTag(String(key), String(value));
      return true;
    },
    has(target, key) { return host.tag(String(key)) !== undefined; },
    ownKeys() { return JSON.parse(host.tagNames()); },
    getOwnPropertyDescriptor(target, key) {
      const v = host.tag(String(key));
      return v === undefined ? undefined : { value: v, writable: true, enumerable: true, configurable: true };
    },
  });
  const vu = {
    get idInInstance() { return host.vuId(); },
    get idInTest() { return host.vuId(); },
    get iterationInInstance() { return host.vuIterationInInstance(); },
    get iterationInScenario() { return host.vuIterationInScenario(); },
    tags,
    metrics: { tags, metadata: {} },
  };
  const scenario = {
    get name() { return host.scenarioName(); },
    get executor() { return host.scenarioExecutor(); },
    get startTime() { return host.scenarioStartTime(); },
    get progress() { return host.scenarioProgress(); },
    get iterationInInstance() { return host.scenarioIteration(); },
    get iterationInTest() { return host.scenarioIteration(); },
  };
  const instance = {
    get iterationsInterrupted() { return host.iterationsInterrupted(); },
    get iterationsCompleted() { return host.iterationsCompleted(); },
    get vusActive() { return host.vusActive(); },
    get vusInitialized() { return host.vusInitialized(); },
    get currentTestRunDuration() { return host.currentTestRunDuration(); },
  };
  const test = {
    abort(reason) { host.abort(reason === undefined ? '' : String(reason)); },
    get options() { return JSON.parse(host.options()); },
  };
  return { vu, scenario, instance, test };
})
