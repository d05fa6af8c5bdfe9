// The same release with its one opening acknowledged passes; the JSON report says what opened and closed.
import groovy.json.JsonSlurper
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('1 opening(s), 2 closing(s).')
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/ferm-diff.json'))
assert report.previous == 'it.ferm.released:alpha:1.0:tar.gz:ferm'
assert report.opens == [[key: 'alpha DOCKER-USER 9100/tcp from 10.20.0.0/16', service: 'alpha', rule: 'metrics',
                         chain: 'DOCKER-USER', target: 'container', port: '9100/tcp', family: 'IPv4', from: '10.20.0.0/16']]
assert report.closes*.key == ['alpha DOCKER-USER published 8443/tcp from 0.0.0.0/0', 'alpha DOCKER-USER published 8443/tcp from ::/0']
// ...and the unified diff of the one ferm file that changed.
assert report.fileDiff[0..1] == ['--- a/ferm.d/20-in.docker.alpha.ferm', '+++ b/ferm.d/20-in.docker.alpha.ferm']
assert report.fileDiff.findAll { it.startsWith('--- ') }.size() == 1
assert report.fileDiff.any { it.startsWith('+') && it.contains('9100') }
assert new File(basedir, 'target/ferm-diff.txt').text.contains('The ferm files change:')
true
