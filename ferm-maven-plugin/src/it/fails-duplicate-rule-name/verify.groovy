// Two rules with one name are refused at the second.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:8:11: a rule named 'web' is already defined. Give every rule of the descriptor its own name.''')
true
