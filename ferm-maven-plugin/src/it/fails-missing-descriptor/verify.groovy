// No firewall.yaml at all fails, naming the path.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml: the firewall descriptor does not exist. Create it, or point 'descriptor' at it.''')
true
