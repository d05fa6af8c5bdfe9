// The parent and the module without firewall.yaml each say once that they skip; the service module bundles.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
String log = its.buildLog(basedir)
String skipped = '[INFO] Skipping: this pom module has no firewall.yaml (a parent declaring the plugin for its modules); add one to give it a firewall.'
assert log.count(skipped) == 2, 'the parent and docs should skip, and only they'
assert log.contains('[INFO] shop: 2 rules open 53/udp, 80/tcp, 443/tcp to any and 2 networks (4 iptables allow rules) -> target/service-1.0-ferm.tar.gz')
assert log.contains('BUILD SUCCESS')
its.assertNoStackTrace(log)
assert new File(basedir, 'service/target/service-1.0-ferm.tar.gz').isFile()
its.assertNoBundle(basedir)
its.assertNoBundle(new File(basedir, 'docs'))
true
