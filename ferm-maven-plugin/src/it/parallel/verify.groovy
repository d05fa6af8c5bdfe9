// Built serially and then in parallel, every bundle (three services' and the host's) has the same bytes;
// each service has its own bundle, and the files every bundle shares are byte-identical, so that the
// bundles extract into one ferm.d.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
def log = its.buildLog(basedir)
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 4')
assert log.contains('ferm host bundle of host with 3 service(s) (billing, orders, search)')

def services = ['billing', 'orders', 'search']
(services + 'host').each { module ->
    File parallel = new File(basedir, "${module}/target/${module}-1.0-ferm.tar.gz")
    File serial = new File(basedir, "${module}/target-serial/${module}-1.0-ferm.tar.gz")
    assert parallel.isFile() && serial.isFile(), "no bundle for ${module} from both builds"
    assert its.sha256(parallel) == its.sha256(serial), "${module}'s bundle differs between the serial and the parallel build"
}

def bundles = services.collectEntries { service ->
    [(service): its.tarEntries(new File(basedir, "${service}/target/${service}-1.0-ferm.tar.gz")).collectEntries { [(it.name): it.text] }]
}
bundles.each { service, entries ->
    assert entries.containsKey("ferm.d/20-in.docker.${service}.ferm".toString())
    assert entries.containsKey("ferm.d/.${service}.bundle.json".toString())
}
['ferm.d/00-docker.ferm', 'ferm.d/99-docker.ferm'].each { shared ->
    assert bundles.values().collect { it[shared] }.unique().size() == 1, "${shared} differs between services"
}
true
