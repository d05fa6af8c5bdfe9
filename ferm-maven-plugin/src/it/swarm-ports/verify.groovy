// A swarm service: the bundle carries the host-wide swarm file, the manifest its port rules.
import groovy.json.JsonSlurper

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))

String log = its.buildLog(basedir)
assert log.contains('BUILD SUCCESS')
its.assertNoStackTrace(log)
if (System.getenv('PATH').split(File.pathSeparator).any { new File(it, 'ferm').canExecute() }) {
    assert log.contains('accepts the bundle.')
}

List<Map> entries = its.tarEntries(new File(basedir, 'target/swarm-ports-1.0-ferm.tar.gz'))
assert entries*.name == ['ferm.d/', 'ferm.d/.shop.bundle.json', 'ferm.d/00-docker.ferm', 'ferm.d/10-docker-swarm.ferm',
                         'ferm.d/20-in.docker.shop.ferm', 'ferm.d/99-docker.ferm']
Map<String, String> text = entries.collectEntries { [it.name, it.text] }

String swarm = text['ferm.d/10-docker-swarm.ferm']
assert swarm.contains('domain ip table filter chain INPUT {')
assert swarm.contains('saddr 10.0.0.0/24 {')
assert swarm.contains('proto tcp dport 2377 daddr 10.0.0.1/32 ')
assert swarm.contains('proto esp ')
assert swarm.contains('proto udp dport 4789 mod policy dir in pol ipsec ')
assert swarm.contains('saddr 2001:db8:5::/64 {')
assert !swarm.contains('shop')                     // host-wide: no service's name in it

Map manifest = new JsonSlurper().parseText(text['ferm.d/.shop.bundle.json'])
assert manifest.rules.findAll { it.chain == 'INPUT' }*.name == ['swarm-management', 'swarm-gossip', 'swarm-vxlan']
// 2377 goes towards the IPv4 manager alone, so only the IPv4 peers reach it.
assert manifest.rules.find { it.name == 'swarm-management' }.from == ['10.0.0.0/24']
assert manifest.rules.find { it.name == 'swarm-gossip' }.from == ['10.0.0.0/24', '2001:db8:5::/64']
assert manifest.files*.path.contains('ferm.d/10-docker-swarm.ferm')
