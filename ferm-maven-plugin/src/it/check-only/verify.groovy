// ferm:check validates and writes nothing, and fails on a mistake like the bundle goal does; with a host's base
// config, the real ferm reads the bundle inside it.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains('[INFO] Firewall of shop is valid: 2 ingress and 0 host rule(s).')
assert log.contains(basedir.name + File.separator + 'broken.yaml:5:13: container port 8080/tcp is not exposed by the Dockerfile')
assert log.contains(basedir.name + File.separator + 'forward-filled.conf: the base config gives chain FORWARD rules or a'
        + ' policy of its own, so ferm refuses to keep Docker\'s (Cannot @preserve chain FORWARD because it is not empty)')
assert log.contains('[INFO] ferm reads the bundle inside ' + new File(basedir, 'host.conf') + ' without error.')
its.assertNoStackTrace(log)
assert !new File(basedir, 'target').exists(), 'ferm:check must write nothing'
true
