// An empty firewall.yaml fails.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml: the firewall descriptor is empty. Fill it in, or point 'descriptor' at the right file.''')
true
