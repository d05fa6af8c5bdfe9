// A descriptor that the configuration names and that does not exist fails, naming the path.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''service/firewall.yaml: the firewall descriptor does not exist. Create it, or point 'descriptor' at it.''')
true
