// 1.0 let 8443 in from anywhere; 2.0 narrows that to 10.0.0.0/8 and opens 9100 to monitoring: the opening,
// not acknowledged, fails the build; the report is still written.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('ferm:diff it.ferm.released:alpha:pom:2.0 against it.ferm.released:alpha:1.0:tar.gz:ferm: 1 opening(s), 2 closing(s).')
assert log.contains('[ERROR] Failed to execute goal io.github.fermmavenplugin:ferm-maven-plugin:')
assert log.contains('This build lets in traffic that it.ferm.released:alpha:1.0:tar.gz:ferm did not, and failOnWidening is set:')
assert log.contains('  alpha DOCKER-USER 9100/tcp from 10.20.0.0/16')
its.assertNoStackTrace(log)
def text = new File(basedir, 'target/ferm-diff.txt').getText('UTF-8')
assert text.contains('  opens:  alpha DOCKER-USER 9100/tcp from 10.20.0.0/16 (IPv4, container, rule metrics)')
assert text.contains('  closes: alpha DOCKER-USER published 8443/tcp from 0.0.0.0/0 (IPv4, published host port, rule tls)')
assert text.contains('  closes: alpha DOCKER-USER published 8443/tcp from ::/0 (IPv6, published host port, rule tls)')
true
