// ferm:check validates and writes nothing, and fails on a mistake like the bundle goal does.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
assert log.contains('[INFO] Firewall of shop is valid: 2 ingress and 0 host rule(s).')
assert log.contains(basedir.name + File.separator + 'broken.yaml:5:13: container port 8080/tcp is not exposed by the Dockerfile')
its.assertNoStackTrace(log)
assert !new File(basedir, 'target').exists(), 'ferm:check must write nothing'
true
