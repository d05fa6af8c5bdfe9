def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertAggregateRefused(basedir, ['Cannot resolve the ferm bundle it.ferm.released:alpha:tar.gz:ferm:9.9',
        'deployed to a repository of this project'])
true
