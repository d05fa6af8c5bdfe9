// Shell syntax in a rule name never reaches ferm: the name grammar refuses it.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''firewall.yaml:4:11: 'web$(reboot)' is not a usable rule name. Use 1-63 characters: lowercase letters and digits first, then also '.', '_' or '-'.''')
true
